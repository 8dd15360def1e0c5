/** Fills `{name}` placeholders; an unknown placeholder is left visible so a pack author sees it. */
export function renderTemplate(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

export type Lang = 'zh' | 'en';
