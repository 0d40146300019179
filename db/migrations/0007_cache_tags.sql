CREATE TABLE "cache_tag_revalidations" (
	"tag" varchar(256) PRIMARY KEY NOT NULL,
	"revalidated_at" bigint NOT NULL
);
