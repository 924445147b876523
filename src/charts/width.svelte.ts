/** The width of a chart's container, kept current with a ResizeObserver: attach it to the container. */
export class Width {
  value = $state<number>();

  attach = (node: HTMLElement) => {
    const observer = new ResizeObserver(([entry]) => (this.value = entry?.contentRect.width));
    observer.observe(node);
    return () => observer.disconnect();
  };
}
