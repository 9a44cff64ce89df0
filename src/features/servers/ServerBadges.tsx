import { memo } from 'react';
import { serverBadges, type MainState, type ServerFacts } from './serverStates.ts';

/** Props of {@link ServerBadges}. */
export interface ServerBadgesProps {
  readonly facts: ServerFacts;
}

/**
 * A server's states as small badges, main one first: each is an icon and words (colour only
 * repeats them), and its tooltip says what the state means for requests.
 */
export const ServerBadges = memo(function ServerBadges({ facts }: ServerBadgesProps) {
  const badges = serverBadges(facts);
  const main = badges[0]!.kind as MainState;
  return (
    <span className="server-states" data-testid="server.state" data-state={main}>
      {badges.map((b) => (
        <span key={b.kind} className={`server-badge is-${b.kind}`} title={b.why}>
          <span className="server-badge-icon" aria-hidden="true">
            {b.icon}
          </span>
          {b.text}
        </span>
      ))}
    </span>
  );
});
