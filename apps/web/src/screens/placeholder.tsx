/** Campagnes and Dashboard arrive with part 2 of the web app (issue 10); the api already offers them. */
export function Placeholder({ title }: { title: string }) {
  return (
    <section>
      <h1>{title}</h1>
      <p className="status empty">Dit scherm komt in de volgende versie. Tot dan staat alles in de API (/docs).</p>
    </section>
  );
}
