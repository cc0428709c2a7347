CREATE TABLE "ak_application" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"group" text DEFAULT '' NOT NULL,
	"meta_launch_url" text DEFAULT '' NOT NULL,
	"meta_description" text DEFAULT '' NOT NULL,
	"meta_publisher" text DEFAULT '' NOT NULL,
	"open_in_new_tab" boolean DEFAULT false NOT NULL,
	"policy_engine_mode" text DEFAULT 'any' NOT NULL,
	CONSTRAINT "ak_application_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "ak_brand" (
	"brand_uuid" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"domain" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"branding_title" text DEFAULT 'authentik' NOT NULL,
	"branding_logo" text DEFAULT '/static/dist/brand/logo.svg' NOT NULL,
	"branding_favicon" text DEFAULT '/static/dist/brand/favicon.svg' NOT NULL,
	"branding_custom_css" text DEFAULT '' NOT NULL,
	"flow_authentication" uuid,
	"flow_invalidation" uuid,
	"flow_recovery" uuid,
	"flow_user_settings" uuid,
	"default_locale" text DEFAULT '' NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "ak_brand_domain_unique" UNIQUE("domain")
);
--> statement-breakpoint
CREATE TABLE "ak_flow_stage_binding" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target" uuid NOT NULL,
	"stage" uuid NOT NULL,
	"order" integer NOT NULL,
	"evaluate_on_plan" boolean DEFAULT false NOT NULL,
	"re_evaluate_policies" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ak_flow" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"designation" text NOT NULL,
	"authentication" text DEFAULT 'none' NOT NULL,
	"layout" text DEFAULT 'stacked' NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"denied_action" text DEFAULT 'message_continue' NOT NULL,
	"policy_engine_mode" text DEFAULT 'any' NOT NULL,
	"compatibility_mode" boolean DEFAULT false NOT NULL,
	CONSTRAINT "ak_flow_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "ak_group_member" (
	"group_pk" uuid NOT NULL,
	"user_pk" integer NOT NULL,
	CONSTRAINT "ak_group_member_group_pk_user_pk_pk" PRIMARY KEY("group_pk","user_pk")
);
--> statement-breakpoint
CREATE TABLE "ak_group" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"num_pk" serial NOT NULL,
	"name" text NOT NULL,
	"is_superuser" boolean DEFAULT false NOT NULL,
	"parent" uuid,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "ak_group_num_pk_unique" UNIQUE("num_pk"),
	CONSTRAINT "ak_group_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "ak_login_failure" (
	"username" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ak_session" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"user_pk" integer,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	"last_ip" text DEFAULT '' NOT NULL,
	"last_user_agent" text DEFAULT '' NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ak_stage" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "ak_stage_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "ak_user" (
	"pk" serial PRIMARY KEY NOT NULL,
	"uuid" uuid DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"password" text,
	"password_change_date" timestamp with time zone DEFAULT now() NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"type" text DEFAULT 'internal' NOT NULL,
	"path" text DEFAULT 'users' NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_login" timestamp with time zone,
	"date_joined" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ak_user_uuid_unique" UNIQUE("uuid"),
	CONSTRAINT "ak_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "ak_brand" ADD CONSTRAINT "ak_brand_flow_authentication_ak_flow_pk_fk" FOREIGN KEY ("flow_authentication") REFERENCES "public"."ak_flow"("pk") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_brand" ADD CONSTRAINT "ak_brand_flow_invalidation_ak_flow_pk_fk" FOREIGN KEY ("flow_invalidation") REFERENCES "public"."ak_flow"("pk") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_brand" ADD CONSTRAINT "ak_brand_flow_recovery_ak_flow_pk_fk" FOREIGN KEY ("flow_recovery") REFERENCES "public"."ak_flow"("pk") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_brand" ADD CONSTRAINT "ak_brand_flow_user_settings_ak_flow_pk_fk" FOREIGN KEY ("flow_user_settings") REFERENCES "public"."ak_flow"("pk") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_flow_stage_binding" ADD CONSTRAINT "ak_flow_stage_binding_target_ak_flow_pk_fk" FOREIGN KEY ("target") REFERENCES "public"."ak_flow"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_flow_stage_binding" ADD CONSTRAINT "ak_flow_stage_binding_stage_ak_stage_pk_fk" FOREIGN KEY ("stage") REFERENCES "public"."ak_stage"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_group_member" ADD CONSTRAINT "ak_group_member_group_pk_ak_group_pk_fk" FOREIGN KEY ("group_pk") REFERENCES "public"."ak_group"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_group_member" ADD CONSTRAINT "ak_group_member_user_pk_ak_user_pk_fk" FOREIGN KEY ("user_pk") REFERENCES "public"."ak_user"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_group" ADD CONSTRAINT "ak_group_parent_ak_group_pk_fk" FOREIGN KEY ("parent") REFERENCES "public"."ak_group"("pk") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_session" ADD CONSTRAINT "ak_session_user_pk_ak_user_pk_fk" FOREIGN KEY ("user_pk") REFERENCES "public"."ak_user"("pk") ON DELETE cascade ON UPDATE no action;