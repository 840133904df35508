/** A form's submit handler that stays on the page and runs `action`. */
export function submitted(action: () => unknown) {
  return (event: Event) => {
    event.preventDefault();
    void action();
  };
}
