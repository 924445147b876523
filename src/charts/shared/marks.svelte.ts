/**
 * Shared behaviour of a chart's detail marks: pointer hover and keyboard focus both show a mark's
 * detail; one Tab stop per chart, arrow keys move between marks (roving tabindex), Escape closes.
 * Marks carry data-mark={i}, role="button", tabindex={marks.tabindex(i)} and an aria-label; the
 * chart's container attaches `marks.attach`, which handles every mark's events in one place.
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

  tabindex = (i: number) => (i === this.current ? 0 : -1);

  /** Attachment for the chart's container. */
  attach = (node: HTMLElement) => {
    const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<SVGElement>('[data-mark]') : null);
    const enter = (e: Event) => {
      const mark = markOf(e.target);
      if (mark && mark.getAttribute('aria-hidden') !== 'true') this.show(Number(mark.dataset.mark));
    };
    // Focus moving to another mark or into the detail's links keeps it open; leaving the chart closes it.
    const focusout = (e: FocusEvent) => {
      if (!node.contains(e.relatedTarget as Node | null)) this.hide();
    };
    const keydown = (e: KeyboardEvent) => {
      const mark = markOf(e.target);
      if (mark) this.keydown(e, node, Number(mark.dataset.mark));
    };
    const listeners: [string, EventListener][] = [
      ['focusin', enter],
      ['pointerover', enter],
      ['pointerleave', this.hide],
      ['focusout', focusout as EventListener],
      ['keydown', keydown as EventListener],
    ];
    for (const [type, fn] of listeners) node.addEventListener(type, fn);
    return () => listeners.forEach(([type, fn]) => node.removeEventListener(type, fn));
  };

  private keydown(e: KeyboardEvent, node: HTMLElement, i: number) {
    // The marks of the artboard on screen (a chart laid out at several widths shows one of them), every one of
    // them whatever the step (a mark a later step brings shows while it has the focus), in the order of their numbers.
    const marks = [...node.querySelectorAll<SVGElement>('[data-mark]:not([aria-hidden="true"])')]
      .filter((m) => m.getClientRects().length > 0)
      .sort((a, b) => Number(a.dataset.mark) - Number(b.dataset.mark));
    const at = marks.findIndex((m) => Number(m.dataset.mark) === i);
    const move = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -at, End: marks.length - 1 - at }[e.key];
    if (e.key === 'Escape') {
      this.hide();
      e.preventDefault();
    } else if ((e.key === 'Enter' || e.key === ' ') && this.active !== i) {
      this.show(i);
      e.preventDefault();
    } else if (move !== undefined && marks.length) {
      marks[(at + move + marks.length) % marks.length]!.focus();
      e.preventDefault();
    }
  }
}
