import Form from "next/form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

/** Searches providers by name through the URL (`?q=`), so a search can be bookmarked and shared. */
export function ProviderSearch({ query }: { query: string }) {
  return (
    <Form action="/admin" role="search" aria-label="Search providers" className="mb-4 flex flex-wrap items-end gap-2">
      <TextField
        key={query}
        label="Search by name"
        name="q"
        type="search"
        defaultValue={query}
        maxLength={50}
        className="w-72"
      />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </Form>
  );
}
