// A question's choices as big numbered buttons (the numbers match keys 1–4
// where the page listens for them).
export function ChoiceButtons({
  choices,
  disabled,
  onChoose,
  className = '',
}: {
  choices: { id: string; text: string }[];
  disabled: boolean;
  onChoose: (choiceId: string) => void;
  className?: string;
}) {
  return (
    <ol className={`choices ${className}`.trim()}>
      {choices.map((choice, i) => (
        <li key={choice.id}>
          <button className="choice" type="button" disabled={disabled} onClick={() => onChoose(choice.id)}>
            <span className="choice-key" aria-hidden="true">
              {i + 1}
            </span>
            <span>{choice.text}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
