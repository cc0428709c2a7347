CREATE TABLE "ak_source" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"authentication_flow" uuid,
	"enrollment_flow" uuid,
	"policy_engine_mode" text DEFAULT 'any' NOT NULL,
	"user_matching_mode" text DEFAULT 'identifier' NOT NULL,
	"group_matching_mode" text DEFAULT 'identifier' NOT NULL,
	"user_path_template" text DEFAULT 'goauthentik.io/sources/%(slug)s' NOT NULL,
	"icon" text,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ak_source_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "ak_user_source_connection" (
	"pk" serial PRIMARY KEY NOT NULL,
	"user_pk" integer NOT NULL,
	"source" uuid NOT NULL,
	"identifier" text NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ak_user_source_connection_source_identifier" UNIQUE("source","identifier"),
	CONSTRAINT "ak_user_source_connection_user_source" UNIQUE("user_pk","source")
);
--> statement-breakpoint
ALTER TABLE "ak_source" ADD CONSTRAINT "ak_source_authentication_flow_ak_flow_pk_fk" FOREIGN KEY ("authentication_flow") REFERENCES "public"."ak_flow"("pk") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_source" ADD CONSTRAINT "ak_source_enrollment_flow_ak_flow_pk_fk" FOREIGN KEY ("enrollment_flow") REFERENCES "public"."ak_flow"("pk") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_user_source_connection" ADD CONSTRAINT "ak_user_source_connection_user_pk_ak_user_pk_fk" FOREIGN KEY ("user_pk") REFERENCES "public"."ak_user"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_user_source_connection" ADD CONSTRAINT "ak_user_source_connection_source_ak_source_pk_fk" FOREIGN KEY ("source") REFERENCES "public"."ak_source"("pk") ON DELETE cascade ON UPDATE no action;