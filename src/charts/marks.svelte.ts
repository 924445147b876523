/**
 * Shared behaviour of a chart's detail marks: pointer hover and keyboard focus both show a mark's
 * detail; one Tab stop per chart, arrow keys move between marks (roving tabindex), Escape closes.
 */
export class Marks {
  /** The mark whose detail is shown, if any. */
  active = $state<number | null>(null);
  /** The mark that takes the chart's single Tab stop. */
  current = $state(0);

  show = (i: number) => {
    this.active = i;
    this.current = i;
  };

  hide = () => {
    this.active = null;
  };

  /** For the chart's container: focus leaving it (not moving to a mark or into the detail's links) closes the detail. */
  focusout = (e: FocusEvent) => {
    if (!(e.currentTarget as Element).contains(e.relatedTarget as Node | null)) this.hide();
  };

  /** Props for mark i: spread them onto the focusable element. */
  props(i: number, label: string) {
    return {
      'data-mark': i,
      tabindex: i === this.current ? 0 : -1,
      role: 'button',
      'aria-label': label,
      onfocus: () => this.show(i),
      onpointerenter: () => this.show(i),
      onkeydown: (e: KeyboardEvent) => this.keydown(e, i),
    };
  }

  private keydown(e: KeyboardEvent, i: number) {
    const owner = (e.currentTarget as Element).closest('svg');
    const marks = owner ? [...owner.querySelectorAll<SVGElement>('[data-mark]:not([aria-hidden="true"])')] : [];
    const at = marks.findIndex((m) => Number(m.dataset.mark) === i);
    const move = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -at, End: marks.length - 1 - at }[e.key];
    if (e.key === 'Escape') {
      this.hide();
      e.preventDefault();
    } else if ((e.key === 'Enter' || e.key === ' ') && this.active !== i) {
      this.show(i);
      e.preventDefault();
    } else if (move !== undefined && marks.length) {
      const next = marks[(at + move + marks.length) % marks.length]!;
      next.focus();
      e.preventDefault();
    }
  }
}
