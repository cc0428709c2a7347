CREATE TABLE "ak_static_device" (
	"pk" serial PRIMARY KEY NOT NULL,
	"user_pk" integer NOT NULL,
	"name" text NOT NULL,
	"confirmed" boolean DEFAULT true NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ak_static_token" (
	"pk" serial PRIMARY KEY NOT NULL,
	"device_pk" integer NOT NULL,
	"token_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ak_totp_device" (
	"pk" serial PRIMARY KEY NOT NULL,
	"user_pk" integer NOT NULL,
	"name" text NOT NULL,
	"confirmed" boolean DEFAULT true NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used" timestamp with time zone,
	"secret" text NOT NULL,
	"digits" integer DEFAULT 6 NOT NULL,
	"period" integer DEFAULT 30 NOT NULL,
	"last_step" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ak_webauthn_device" (
	"pk" serial PRIMARY KEY NOT NULL,
	"user_pk" integer NOT NULL,
	"name" text NOT NULL,
	"confirmed" boolean DEFAULT true NOT NULL,
	"created" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used" timestamp with time zone,
	"credential_id" text NOT NULL,
	"public_key" text NOT NULL,
	"sign_count" integer DEFAULT 0 NOT NULL,
	"aaguid" text DEFAULT '00000000-0000-0000-0000-000000000000' NOT NULL,
	"transports" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "ak_webauthn_device_credential_id_unique" UNIQUE("credential_id")
);
--> statement-breakpoint
ALTER TABLE "ak_static_device" ADD CONSTRAINT "ak_static_device_user_pk_ak_user_pk_fk" FOREIGN KEY ("user_pk") REFERENCES "public"."ak_user"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_static_token" ADD CONSTRAINT "ak_static_token_device_pk_ak_static_device_pk_fk" FOREIGN KEY ("device_pk") REFERENCES "public"."ak_static_device"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_totp_device" ADD CONSTRAINT "ak_totp_device_user_pk_ak_user_pk_fk" FOREIGN KEY ("user_pk") REFERENCES "public"."ak_user"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ak_webauthn_device" ADD CONSTRAINT "ak_webauthn_device_user_pk_ak_user_pk_fk" FOREIGN KEY ("user_pk") REFERENCES "public"."ak_user"("pk") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ak_static_device_user_idx" ON "ak_static_device" USING btree ("user_pk");--> statement-breakpoint
CREATE INDEX "ak_static_token_device_idx" ON "ak_static_token" USING btree ("device_pk","token_hash");--> statement-breakpoint
CREATE INDEX "ak_totp_device_user_idx" ON "ak_totp_device" USING btree ("user_pk");--> statement-breakpoint
CREATE INDEX "ak_webauthn_device_user_idx" ON "ak_webauthn_device" USING btree ("user_pk");