/** Labelled values, read only: what a card shows to those who may not change it. */
export function OrganizationFacts({ facts }: { facts: { label: string; value: string | number }[] }) {
  return (
    <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
      {facts.map((fact) => (
        <div key={fact.label} className="contents">
          <dt className="text-slate-600">{fact.label}</dt>
          <dd className="break-words">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
