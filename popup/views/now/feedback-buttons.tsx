// Corrections: the user says whether this visit was worth it, and the model learns that label.
import type { TabPrediction } from '../../../extension/contract-types';
import { ErrorMessage } from '../../ui';
import { useAction } from '../../use-request';

interface FeedbackButtonsProps {
  prediction: TabPrediction;
  tabId?: number;
  onAnswer: (prediction: TabPrediction) => void;
}

export function FeedbackButtons({ prediction, tabId, onAnswer }: FeedbackButtonsProps) {
  const feedback = useAction('tab/feedback');
  const give = async (verdict: 'useful' | 'not-interested') => {
    const answer = await feedback.run(tabId === undefined ? { verdict } : { tabId, verdict });
    if (answer) onAnswer(answer);
  };
  return (
    <div class="feedback" role="group" aria-label="Correct the prediction">
      <button type="button" aria-pressed={prediction.feedback === 'useful'} disabled={feedback.pending}
        onClick={() => give('useful')}>This was useful</button>
      <button type="button" aria-pressed={prediction.feedback === 'not-interested'} disabled={feedback.pending}
        onClick={() => give('not-interested')}>Not interested</button>
      {feedback.error && <ErrorMessage>{feedback.error}</ErrorMessage>}
    </div>
  );
}
