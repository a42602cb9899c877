// DOM matchers (toBeChecked, toHaveAttribute, …) for the jsdom project.
import '@testing-library/jest-dom/vitest';
