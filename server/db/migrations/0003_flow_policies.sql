CREATE TABLE "ak_policy" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"execution_logging" boolean DEFAULT false NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ak_policy_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "ak_policy_binding" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target" uuid NOT NULL,
	"policy" uuid,
	"group_pk" uuid,
	"user_pk" integer,
	"negate" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"order" integer NOT NULL,
	"timeout" integer DEFAULT 30 NOT NULL,
	"failure_result" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ak_flow_stage_binding" ADD COLUMN "policy_engine_mode" text DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE "ak_flow_stage_binding" ADD COLUMN "invalid_response_action" text DEFAULT 'retry' NOT NULL;--> statement-breakpoint
ALTER TABLE "ak_policy_binding" ADD CONSTRAINT "ak_policy_binding_policy_ak_policy_pk_fk" FOREIGN KEY ("policy") REFERENCES "public"."ak_policy"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_policy_binding" ADD CONSTRAINT "ak_policy_binding_group_pk_ak_group_pk_fk" FOREIGN KEY ("group_pk") REFERENCES "public"."ak_group"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_policy_binding" ADD CONSTRAINT "ak_policy_binding_user_pk_ak_user_pk_fk" FOREIGN KEY ("user_pk") REFERENCES "public"."ak_user"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ak_policy_binding_target_idx" ON "ak_policy_binding" USING btree ("target","order");