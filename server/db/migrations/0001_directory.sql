CREATE TABLE "ak_group_role" (
	"group_pk" uuid NOT NULL,
	"role_pk" uuid NOT NULL,
	CONSTRAINT "ak_group_role_group_pk_role_pk_pk" PRIMARY KEY("group_pk","role_pk")
);
--> statement-breakpoint
CREATE TABLE "ak_role_permission" (
	"role_pk" uuid NOT NULL,
	"permission" text NOT NULL,
	CONSTRAINT "ak_role_permission_role_pk_permission_pk" PRIMARY KEY("role_pk","permission")
);
--> statement-breakpoint
CREATE TABLE "ak_role" (
	"pk" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "ak_role_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "ak_session" ADD COLUMN "uuid" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "ak_session" ADD COLUMN "last_used" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "ak_group_role" ADD CONSTRAINT "ak_group_role_group_pk_ak_group_pk_fk" FOREIGN KEY ("group_pk") REFERENCES "public"."ak_group"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_group_role" ADD CONSTRAINT "ak_group_role_role_pk_ak_role_pk_fk" FOREIGN KEY ("role_pk") REFERENCES "public"."ak_role"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_role_permission" ADD CONSTRAINT "ak_role_permission_role_pk_ak_role_pk_fk" FOREIGN KEY ("role_pk") REFERENCES "public"."ak_role"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ak_group_role_role_idx" ON "ak_group_role" USING btree ("role_pk");--> statement-breakpoint
CREATE INDEX "ak_group_member_user_idx" ON "ak_group_member" USING btree ("user_pk");--> statement-breakpoint
CREATE INDEX "ak_group_parent_idx" ON "ak_group" USING btree ("parent");--> statement-breakpoint
CREATE INDEX "ak_session_user_idx" ON "ak_session" USING btree ("user_pk");--> statement-breakpoint
CREATE INDEX "ak_user_email_lower_idx" ON "ak_user" USING btree (lower("email"));--> statement-breakpoint
ALTER TABLE "ak_session" ADD CONSTRAINT "ak_session_uuid_unique" UNIQUE("uuid");