// The reader's text size, kept by the reading toolbar (src/browser/reading-tools.ts), applied in <head>
// before the page is drawn, so the page never jumps. Plain and tiny; a file, not inline, for the CSP.
// data-js tells the CSS that scripts run, so the toolbar takes its place in the first paint.
document.documentElement.setAttribute('data-js', '');
try {
  var size = localStorage.getItem('sold-numbers:text-size');
  if (size === 'large' || size === 'largest') document.documentElement.setAttribute('data-text-size', size);
} catch (e) {
  // Storage blocked: the normal size.
}
