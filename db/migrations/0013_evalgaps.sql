CREATE TABLE "key_evaluation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key_evaluation_id" integer NOT NULL,
	"filename" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "key_evaluation_reports" ADD CONSTRAINT "key_evaluation_reports_key_evaluation_id_key_evaluations_id_fk" FOREIGN KEY ("key_evaluation_id") REFERENCES "public"."key_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_evaluation_reports" ADD CONSTRAINT "key_evaluation_reports_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "key_evaluation_reports_key_uq" ON "key_evaluation_reports" USING btree ("key_evaluation_id");