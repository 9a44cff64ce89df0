import { API_REFERENCE } from '../../sandbox/apiReference.ts';

/** Renders `code` spans written with backquotes in the reference text. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

/** The strategy API's reference text, folded until opened. */
export function ApiReference() {
  return (
    <details className="api-reference" data-testid="strategy.apiReference">
      <summary>The strategy API</summary>
      {API_REFERENCE.map((section) => (
        <section key={section.title}>
          <h4>{section.title}</h4>
          <dl>
            {section.entries.map((entry) => (
              <div key={entry.name}>
                <dt>
                  <code>{entry.name}</code>
                </dt>
                <dd>{withCode(entry.text)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </details>
  );
}
