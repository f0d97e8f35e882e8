// Starting over: reset the model alone (stored visits stay, nothing is relearned) or the model
// and every stored visit. Both wait for a confirmation that says which.
import { useState } from 'preact/hooks';
import { count } from '../../format';
import { Confirm, ErrorMessage, Notice } from '../../ui';
import { useAction } from '../../use-request';

const WHAT_GOES = {
  model: 'The model forgets everything it learned and starts from scratch. Your stored visits stay.',
  everything: 'The model forgets everything it learned, and every stored visit and interaction event is deleted.',
};

export function ResetModel() {
  const reset = useAction('model/reset');
  const [choice, setChoice] = useState<'model' | 'everything' | null>(null);
  const confirm = async () => {
    if (await reset.run({ wipeData: choice === 'everything' })) setChoice(null);
  };
  return (
    <div class="reset">
      <div class="actions">
        <button type="button" onClick={() => { reset.clear(); setChoice('model'); }}>Reset the model…</button>
        <button type="button" class="danger" onClick={() => { reset.clear(); setChoice('everything'); }}>Reset everything…</button>
      </div>
      {choice && (
        <Confirm title={choice === 'model' ? 'Reset the model?' : 'Reset the model and delete all data?'}
          confirmLabel={choice === 'model' ? 'Reset the model' : 'Reset everything'}
          onConfirm={confirm} onCancel={() => setChoice(null)} pending={reset.pending}>
          <p>{WHAT_GOES[choice]}</p>
          {reset.error && <ErrorMessage>Nothing was reset: {reset.error}</ErrorMessage>}
        </Confirm>
      )}
      {reset.result && (
        <Notice>
          Reset done. The model has learned from {count(reset.result.visitsLearned, 'visit')};
          {' '}{count(reset.result.storedVisits, 'visit')} stored.
        </Notice>
      )}
    </div>
  );
}
