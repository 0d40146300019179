import { NotFoundBody } from "@/app/_components/not-found-body";

/**
 * Any address that matches nothing, and anything a page declares missing outside the portal.
 * It stands above both documents (app/layout.tsx only passes through), so it writes its own,
 * in both languages: it cannot know which one the visitor reads without making every 404 dynamic.
 */
export default function NotFound() {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen antialiased">
        <main id="main">
          <NotFoundBody />
        </main>
      </body>
    </html>
  );
}
