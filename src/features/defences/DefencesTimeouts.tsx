import { DefenceField } from './DefenceField.tsx';
import { DefenceGroup } from './DefenceGroup.tsx';
import { DefenceToggleField } from './DefenceToggleField.tsx';
import { RULES, type DefenceSectionProps } from './defences.ts';
import { OVERLOAD_RULES } from './overloadRules.ts';

/**
 * The client's timeout per attempt (off or ms), the connect timeout to unreachable servers, and
 * the deadline after which an answer is no longer goodput.
 */
export function DefencesTimeouts({ spec, change }: DefenceSectionProps) {
  return (
    <DefenceGroup
      title="Timeouts"
      what="The client stops waiting after its timeout; an answer that comes later is wasted work."
      on={spec.timeoutMs !== null}
    >
      <DefenceToggleField
        name="timeout"
        label="Client timeout"
        fieldLabel="Give up after"
        value={spec.timeoutMs}
        suggested={1000}
        rule={RULES.timeoutMs}
        unit="ms"
        source="default off (wait forever)"
        onChange={(timeoutMs) => change(() => ({ timeoutMs }))}
      >
        <DefenceField
          name="connectTimeoutMs"
          label="Connect timeout"
          value={spec.connectTimeoutMs}
          rule={RULES.connectTimeoutMs}
          unit="ms"
          source="to a partitioned server; Envoy: 5 s"
          onCommit={(connectTimeoutMs) => change(() => ({ connectTimeoutMs }))}
        />
      </DefenceToggleField>
      <DefenceToggleField
        name="deadlineMs"
        label="Deadline"
        fieldLabel="Useful within"
        value={spec.deadlineMs}
        suggested={1000}
        rule={OVERLOAD_RULES.deadlineMs}
        unit="ms"
        source="served later is not goodput; default: the client timeout"
        onChange={(deadlineMs) => change(() => ({ deadlineMs }))}
      />
    </DefenceGroup>
  );
}
