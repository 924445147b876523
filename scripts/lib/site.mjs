// The public address the test suite builds for when SITE is not set: scripts/test-browser.mjs builds
// with it and tests/site reads it, so both agree. A real-looking origin, so a stray localhost shows.
export const TEST_SITE = 'https://news.example.org';
