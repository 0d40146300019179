import Link from "next/link";

/** The 404 notice in both languages (it cannot know the visitor's without making every 404 dynamic). */
export function NotFoundBody({ home = "/" }: { home?: string }) {
  return (
    <div className="flex min-h-[60vh] items-center justify-center p-6">
      <div className="w-full max-w-md rounded-sm border border-slate-300 border-t-4 border-t-accent bg-white p-8 text-center">
        <p className="text-4xl font-bold text-accent" aria-hidden="true">
          404
        </p>
        <h1 className="mt-2 text-lg font-semibold text-slate-900">页面不存在</h1>
        <p className="mt-1 text-slate-600" lang="en">
          Page not found
        </p>
        <p className="mt-3 text-sm text-slate-600">该地址没有内容，或信息已撤回公开。</p>
        <Link href={home} className="mt-6 inline-block text-navy underline underline-offset-4 hover:text-accent">
          返回首页 <span lang="en">/ Home</span>
        </Link>
      </div>
    </div>
  );
}
