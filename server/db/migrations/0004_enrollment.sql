CREATE TABLE "ak_email_outbox" (
	"pk" serial PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"from" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ak_flow_token" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"flow" uuid NOT NULL,
	"user_pk" integer,
	"plan" jsonb NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ak_invitation" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"expires" timestamp with time zone,
	"fixed_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" integer,
	"single_use" boolean DEFAULT false NOT NULL,
	"flow" uuid,
	"created" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ak_prompt_stage_field" (
	"stage" uuid NOT NULL,
	"prompt" uuid NOT NULL,
	CONSTRAINT "ak_prompt_stage_field_stage_prompt_pk" PRIMARY KEY("stage","prompt")
);
--> statement-breakpoint
CREATE TABLE "ak_prompt" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"field_key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"placeholder" text DEFAULT '' NOT NULL,
	"initial_value" text DEFAULT '' NOT NULL,
	"order" integer DEFAULT 0 NOT NULL,
	"sub_text" text DEFAULT '' NOT NULL,
	"placeholder_expression" boolean DEFAULT false NOT NULL,
	"initial_value_expression" boolean DEFAULT false NOT NULL,
	CONSTRAINT "ak_prompt_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "ak_user_consent" (
	"pk" serial PRIMARY KEY NOT NULL,
	"user_pk" integer NOT NULL,
	"application" uuid NOT NULL,
	"permissions" text DEFAULT '' NOT NULL,
	"expiring" boolean DEFAULT false NOT NULL,
	"expires" timestamp with time zone,
	CONSTRAINT "ak_user_consent_user_application" UNIQUE("user_pk","application")
);
--> statement-breakpoint
ALTER TABLE "ak_flow_token" ADD CONSTRAINT "ak_flow_token_flow_ak_flow_pk_fk" FOREIGN KEY ("flow") REFERENCES "public"."ak_flow"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_flow_token" ADD CONSTRAINT "ak_flow_token_user_pk_ak_user_pk_fk" FOREIGN KEY ("user_pk") REFERENCES "public"."ak_user"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_invitation" ADD CONSTRAINT "ak_invitation_created_by_ak_user_pk_fk" FOREIGN KEY ("created_by") REFERENCES "public"."ak_user"("pk") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_invitation" ADD CONSTRAINT "ak_invitation_flow_ak_flow_pk_fk" FOREIGN KEY ("flow") REFERENCES "public"."ak_flow"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_prompt_stage_field" ADD CONSTRAINT "ak_prompt_stage_field_stage_ak_stage_pk_fk" FOREIGN KEY ("stage") REFERENCES "public"."ak_stage"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_prompt_stage_field" ADD CONSTRAINT "ak_prompt_stage_field_prompt_ak_prompt_pk_fk" FOREIGN KEY ("prompt") REFERENCES "public"."ak_prompt"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_user_consent" ADD CONSTRAINT "ak_user_consent_user_pk_ak_user_pk_fk" FOREIGN KEY ("user_pk") REFERENCES "public"."ak_user"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_user_consent" ADD CONSTRAINT "ak_user_consent_application_ak_application_pk_fk" FOREIGN KEY ("application") REFERENCES "public"."ak_application"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ak_flow_token_expires_idx" ON "ak_flow_token" USING btree ("expires");--> statement-breakpoint
CREATE INDEX "ak_prompt_stage_field_prompt_idx" ON "ak_prompt_stage_field" USING btree ("prompt");