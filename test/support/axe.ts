import axe from 'axe-core';

/**
 * The axe violations in `element`. jsdom has no layout, so colour contrast is
 * left to the browser tests (the Storybook a11y addon in Chromium).
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}
