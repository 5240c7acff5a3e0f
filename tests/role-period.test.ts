import { describe, expect, test } from 'vitest';
import { describeRolePeriod, formatRoleTitle, sortRolesByDate, type RoleDates } from '../src/lib/role-period.ts';
import { personSchema } from '../src/schema/entities.ts';

const text = (role: RoleDates, lang: 'zh' | 'en') =>
  describeRolePeriod(role, lang)
    .map((part) => part.text)
    .join('');

describe('describeRolePeriod', () => {
  test.each<[RoleDates, string, string]>([
    [{ from: '1949', until: '1976' }, '1949–1976', '1949年至1976年'],
    [{ from: '1988-04', until: '1998-03' }, 'April 1988 – March 1998', '1988年4月至1998年3月'],
    [{ from: '2023-03-11' }, 'from 11 March 2023', '2023年3月11日起'],
    [{ until: '1958' }, 'until 1958', '至1958年'],
    [{ as_of: '2017-08' }, 'as of August 2017', '2017年8月在任'],
    [{ from: '1954', until: '1958', as_of: '1956' }, '1954–1958', '1954年至1958年'],
  ])('%j', (role, english, chinese) => {
    expect(text(role, 'en')).toBe(english);
    expect(text(role, 'zh')).toBe(chinese);
  });

  test('marks every date with its machine-readable value and gives nothing for an undated office', () => {
    expect(describeRolePeriod({ from: '1988-04', until: '1998' }, 'en').filter((p) => p.datetime)).toEqual([
      { text: 'April 1988', datetime: '1988-04' },
      { text: '1998', datetime: '1998' },
    ]);
    expect(describeRolePeriod({}, 'zh')).toEqual([]);
  });
});

describe('sortRolesByDate', () => {
  test('orders by start, else known date, else end; undated last; ties keep file order', () => {
    const roles = [
      { name: 'undated' },
      { name: 'president', from: '2013-03' },
      { name: 'vice-premier', from: '1954', until: '1980' },
      { name: 'minister', as_of: '1956' },
      { name: 'tie', from: '1954' },
      { name: 'ended', until: '1950' },
    ];
    expect(sortRolesByDate(roles).map((role) => role.name)).toEqual([
      'ended',
      'vice-premier',
      'tie',
      'minister',
      'president',
      'undated',
    ]);
  });
});

describe('roles in the person schema', () => {
  const person = (role: Record<string, unknown>) =>
    personSchema.safeParse({
      id: 'x',
      name: { zh: '某', en: 'Mou' },
      roles: [{ title: { zh: '总理', en: 'Premier' }, ...role }],
    });

  test('accept from and until, and as_of alone as before', () => {
    expect(person({ from: '1949-10', until: '1976-01' }).success).toBe(true);
    expect(person({ from: '1983', until: '1983-06' }).success).toBe(true);
    expect(person({ as_of: '2017-08' }).success).toBe(true);
  });

  test('refuse an end before the start, naming the field', () => {
    const result = person({ from: '1998-03', until: '1988' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['roles', 0, 'until']);
    expect(result.error?.issues[0]?.message).toBe('until (1988) is before from (1998-03): swap them or correct one');
  });

  test('refuse an impossible date in either field', () => {
    expect(person({ from: '1998-02-30' }).success).toBe(false);
    expect(person({ until: '19980' }).success).toBe(false);
  });
});

describe('formatRoleTitle', () => {
  test('puts the organisation first in Chinese and after a comma in English', () => {
    expect(formatRoleTitle('总理', '中华人民共和国国务院', 'zh')).toBe('中华人民共和国国务院总理');
    expect(formatRoleTitle('Premier', "State Council of the People's Republic of China", 'en')).toBe(
      "Premier, State Council of the People's Republic of China",
    );
    expect(formatRoleTitle('上海市市长', undefined, 'zh')).toBe('上海市市长');
  });
});
