import { LESSONS } from './content/index.ts';
import { useApp } from '../../store/hooks.tsx';
import { PanelDisclosure } from '../../ui/PanelDisclosure.tsx';
import { LessonPicker } from './LessonPicker.tsx';
import { LessonStepView } from './LessonStepView.tsx';
import './LessonPanel.css';

/**
 * Guided lessons: pick one, then walk its steps (set up, predict, run, explain, try). Closed to a
 * single line until opened, so the playground's own panels stay in view.
 */
export function LessonPanel() {
  const open = useApp((s) => s.learn.lessonsOpen);
  const setOpen = useApp((s) => s.learn.setLessonsOpen);
  const active = useApp((s) => s.learn.lesson !== null);
  return (
    <section className="panel learn-panel" aria-labelledby="lessons-title">
      <PanelDisclosure
        id="lessons-title"
        title="Lessons"
        hint={`${LESSONS.length} guided lessons`}
        open={open}
        onToggle={setOpen}
        controls="lessons-body"
        testId="lesson.toggle"
      />
      <div id="lessons-body" hidden={!open}>
        {open && (active ? <LessonStepView /> : <LessonPicker />)}
      </div>
    </section>
  );
}
