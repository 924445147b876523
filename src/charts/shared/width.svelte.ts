/**
 * The width of a chart's container, kept current with a ResizeObserver: attach it to the container. It is
 * measured in units of the reader's text size: with larger text (the reading toolbar, or the browser's
 * own setting) the chart is laid out for a narrower width and drawn at the real one, so its labels grow
 * with the text, without overlapping.
 */
export class Width {
  value = $state<number>();

  attach = (node: HTMLElement) => {
    let width = 0;
    const update = () => {
      const scale = parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;
      this.value = width / scale;
    };
    const observer = new ResizeObserver(([entry]) => {
      width = entry?.contentRect.width ?? 0;
      update();
    });
    observer.observe(node);
    addEventListener('textsizechange', update);
    return () => {
      observer.disconnect();
      removeEventListener('textsizechange', update);
    };
  };
}
