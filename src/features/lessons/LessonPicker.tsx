import { LESSONS } from './content/index.ts';
import { useApp } from '../../store/hooks.tsx';

/** The list of lessons, each with a button that starts it. */
export function LessonPicker() {
  const start = useApp((s) => s.learn.startLesson);
  return (
    <div data-testid="lesson.picker">
      <p className="learn-note">
        Each lesson loads its own setup. Undo in the toolbar brings yours back.
      </p>
      <ol className="learn-list">
        {LESSONS.map((lesson) => (
          <li key={lesson.id}>
            <button
              type="button"
              className="learn-pick"
              data-testid="lesson.start"
              data-lesson={lesson.id}
              onClick={() => void start(lesson.id)}
            >
              <span className="learn-pick-title">{lesson.title}</span>
              <span className="learn-pick-summary">{lesson.summary}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
