import { describe, expect, it } from 'vitest';
import { enums, getField, resourceByName, resources } from '../../src/schema';
import { applyCustomSchema, type CustomRows } from '../../src/schema/custom';

const builtInCount = resources.length;
const attendeeFields = resourceByName.attendees.fields.length;

describe('applying the admins’ definitions to the schema', () => {
  it('adds fields and lists built like the declared ones, and takes them away again', () => {
    applyCustomSchema({
      customResources: [{ id: 1, name: 'techNeeds', labelZh: '技术需求', group: 'projects', writeAccess: 'officials' }],
      customFields: [
        {
          id: 1,
          resource: 'attendees',
          source: 'mealPlan',
          labelZh: '用餐要求',
          type: 'enum',
          options: '素食 | Vegetarian\n清真',
          defaultValue: 'vegetarian',
        },
        {
          id: 2,
          resource: 'techNeeds',
          source: 'title',
          labelZh: '需求名称',
          type: 'text',
          required: true,
          position: 1,
        },
        { id: 3, resource: 'techNeeds', source: 'budget', labelZh: '预算', type: 'money', position: 2 },
      ],
    });
    const diet = getField(resourceByName.attendees, 'mealPlan')!;
    expect(diet).toMatchObject({
      type: 'enum',
      label: { zh: '用餐要求', en: '用餐要求' },
      filter: true,
      default: '素食',
    });
    expect(enums[diet.enum!].map((o) => o.label.en)).toEqual(['Vegetarian', '清真']);
    expect(resourceByName.techNeeds).toMatchObject({ titleField: 'title', writers: ['official'], custom: true });
    expect(resourceByName.techNeeds.fields.map((f) => f.source)).toEqual(['title', 'budget']);
    expect(getField(resourceByName.techNeeds, 'budget')).toMatchObject({ type: 'money', min: 0 });
    // in the menu after the built-in projects, before the administration
    expect(resources.findIndex((r) => r.name === 'techNeeds')).toBeLessThan(
      resources.findIndex((r) => r.name === 'users'),
    );

    applyCustomSchema({});
    expect(resources).toHaveLength(builtInCount);
    expect(resourceByName.techNeeds).toBeUndefined();
    expect(resourceByName.attendees.fields).toHaveLength(attendeeFields);
  });

  it('skips what a hand-edited file gets wrong, and never throws', () => {
    const junk = {
      customResources: [null, 'x', { id: 7, name: 'users', labelZh: '重名' }, { id: 8, name: 'ok1', labelZh: '好' }],
      customFields: [
        null,
        { id: 1, resource: 'nowhere', source: 'a1', labelZh: 'a', type: 'text' },
        { id: 2, resource: 'attendees', source: 'name', labelZh: '重名', type: 'text' },
        { id: 3, resource: 'attendees', source: 'seats', labelZh: '座位', type: 'number', defaultValue: 12 },
        { id: 4, resource: 'attendees', source: 'shade', labelZh: '颜色', type: 'enum', options: '' },
        { id: 5, resource: 'ok1', source: 'link', labelZh: '关联', type: 'reference', reference: 'audit' },
      ],
    } as unknown as CustomRows;
    const { skipped } = applyCustomSchema(junk);
    expect(skipped.map((s) => s.split(':')[0])).toEqual([
      'customResources/7',
      'customFields/1',
      'customFields/2',
      'customFields/4',
      'customFields/5',
    ]);
    expect(getField(resourceByName.attendees, 'seats')?.default).toBe(12);
    expect(resourceByName.ok1.fields).toEqual([]);
    expect(() => applyCustomSchema({ customFields: 'not a list' } as unknown as CustomRows)).not.toThrow();
    expect(resourceByName.ok1).toBeUndefined();
  });
});
