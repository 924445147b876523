// Node module hooks for the browser specs, which read the chart registry (src/charts/registry.ts) for the
// charts' ids and settings: the registry also reaches the charts' Svelte components, which only Vite
// compiles, and which the specs never render. Here each is an empty module.
export async function load(url, context, nextLoad) {
  if (url.endsWith('.svelte')) return { format: 'module', source: 'export default {};', shortCircuit: true };
  return nextLoad(url, context);
}
