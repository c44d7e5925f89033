import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-md flex-col items-center gap-4 px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600">The page does not exist, or you do not have access to it.</p>
      <Link href="/vault" className="font-semibold text-brand-700 underline">
        Back to your vault
      </Link>
    </main>
  );
}
