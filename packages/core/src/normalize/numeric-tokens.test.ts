import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chineseNumeralValue, numericTokens } from './numeric-tokens.js';
import { normalizeText } from './normalize-text.js';

/** Token values of a raw text (normalised first, as the engine does). */
const values = (raw: string): string[] => numericTokens(normalizeText(raw).text).map((t) => t.value);

describe('numericTokens: the spec examples', () => {
  it('ASCII digit runs, with a decimal part', () => {
    expect(values('48小时')).toEqual(['48']);
    expect(values('满199减20')).toEqual(['199', '20']);
    expect(values('7天无理由')).toEqual(['7']);
    expect(values('打3.5折')).toEqual(['3.5']);
    expect(values('３.５')).toEqual(['3.5']);
    expect(values('共3.个')).toEqual(['3']);
  });

  it('四十八 and 48 compare equal', () => {
    expect(values('四十八小时')).toEqual(values('48小时'));
    expect(values('四十八')).toEqual(['48']);
  });

  it('Chinese numerals count with 2+ numerals or before a unit of time or money', () => {
    expect(values('两天')).toEqual(['2']);
    expect(values('二十')).toEqual(['20']);
    expect(values('一般')).toEqual([]);
    expect(values('一些')).toEqual([]);
    expect(values('二次')).toEqual([]);
    expect(values('二次销售')).toEqual([]);
    expect(values('一个')).toEqual([]);
    for (const unit of ['天', '小时', '分钟', '分', '秒', '元', '块', '折', '号', '月', '日', '周', '年', '点']) {
      expect(values(`三${unit}`)).toEqual(['3']);
    }
    expect(values('三小')).toEqual([]);
  });

  it('ranges: a Chinese numeral on either side of 到, 至, - or ~ is a number', () => {
    expect(values('三到五天')).toEqual(['3', '5']);
    expect(values('三到五个工作日')).toEqual(['3', '5']);
    expect(values('三至五个工作日')).toEqual(['3', '5']);
    expect(values('三-五个')).toEqual(['3', '5']);
    expect(values('三~五个')).toEqual(['3', '5']);
    expect(values('三～五个')).toEqual(['3', '5']);
    expect(values('3到五个')).toEqual(['3', '5']);
    expect(values('3-5天')).toEqual(['3', '5']);
    expect(values('3到5天')).toEqual(['3', '5']);
    expect(values('一到货就发')).toEqual([]); // 到 without a number after it is no range
  });

  it('idioms are wording', () => {
    for (const w of ['一点', '一下', '一些', '一般', '一定', '一直', '一起', '一样', '一致', '十分', '万一', '一一', '统一', '唯一', '第一时间']) {
      expect(values(`好的${w}处理`)).toEqual([]);
    }
    expect(values('稍等一下')).toEqual([]);
    expect(values('便宜一点')).toEqual([]);
    expect(values('十分抱歉')).toEqual([]);
    expect(values('统一天猫')).toEqual([]); // not 一天
  });

  it('一点 after a time of day, and 十分 before 钟, are times', () => {
    for (const t of ['上午', '下午', '中午', '晚上', '凌晨', '早上']) expect(values(`${t}一点发货`)).toEqual(['1']);
    expect(values('十分钟')).toEqual(['10']);
    expect(values('十一点')).toEqual(['11']);
    expect(values('二十分钟')).toEqual(['20']);
  });

  it('date words are tokens whose value is the word, winning over their numerals', () => {
    for (const w of ['今天', '明天', '后天', '昨天', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '周天', '周末',
      '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日', '星期天']) {
      expect(values(`${w}发货`)).toEqual([w]);
    }
    expect(values('周一至周五')).toEqual(['周一', '周五']);
    expect(values('明天下午三点')).toEqual(['明天', '3']);
  });

  it('[数字x] is a wildcard', () => {
    const t = numericTokens(normalizeText('满[数字X]减[数字x]').text);
    expect(t).toEqual([
      { value: '*', start: 1, end: 6, wildcard: true },
      { value: '*', start: 7, end: 12, wildcard: true },
    ]);
  });

  it('emoticon codes and keycaps hold no numbers', () => {
    expect(values('#E-s01 好的')).toEqual([]);
    expect(values('#E-s[数字x]')).toEqual([]);
    expect(values('/:8-)')).toEqual([]);
    expect(values('1️⃣退款')).toEqual([]);
    expect(values('[图片]3天')).toEqual(['3']);
  });

  it('the standard scripts', () => {
    expect(values('亲，本店默认48小时内发货哦~')).toEqual(['48']);
    expect(values('亲，本店支持7天无理由退换货，请保持商品完好不影响二次销售哦~')).toEqual(['7']);
    expect(values('亲，活动期间全场满199减20，优惠可叠加店铺券哦~')).toEqual(['199', '20']);
    expect(values('亲，快递一般3-5天送达，偏远地区会稍慢一些，请您耐心等待~')).toEqual(['3', '5']);
    expect(values('亲，快递一般三到五天送达，偏远地区会稍慢一些，请您耐心等待~')).toEqual(['3', '5']);
  });

  it('spans point into the normalised text', () => {
    const norm = normalizeText('满１９９减二十元').text;
    const t = numericTokens(norm);
    expect(t.map((x) => norm.slice(x.start, x.end))).toEqual(['199', '二十']);
  });

  it('canonical values', () => {
    expect(values('048')).toEqual(['48']);
    expect(values('3.50')).toEqual(['3.5']);
    expect(values('7.0')).toEqual(['7']);
    expect(values('0')).toEqual(['0']);
    expect(values('5万')).toEqual(['5']);
    expect(values('1.5万元')).toEqual(['1.5', '10000']);
    expect(values('2.35千')).toEqual(['2.35']);
    expect(values('二〇二四年')).toEqual(['2024']);
  });
});

describe('chineseNumeralValue', () => {
  it.each([
    ['十', '10'], ['十五', '15'], ['二十', '20'], ['四十八', '48'], ['一百零五', '105'], ['两百五', '250'],
    ['一万五', '15000'], ['一万五千', '15000'], ['三亿五千万', '350000000'], ['十万', '100000'], ['万', '10000'],
    ['一千零一十', '1010'], ['二十一', '21'], ['两', '2'], ['五一', '51'], ['一三八', '138'], ['〇五', '5'],
    ['一万零五', '10005'], ['三千二', '3200'],
  ])('%s = %s', (run, value) => {
    expect(chineseNumeralValue(run)).toBe(value);
  });
});

describe('numericTokens: properties', () => {
  it('a number written in Chinese has the value of its ASCII digits', () => {
    const D = '零一二三四五六七八九';
    /** Standard positional reading of 1 <= n < 10^8 (一万零五百, 十五 for 15). */
    const toChinese = (n: number): string => {
      const below10k = (m: number, leadingZero: boolean): string => {
        let out = '';
        let zero = leadingZero;
        for (const [p, u] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
          const d = Math.floor(m / p) % 10;
          if (d === 0) {
            if (out !== '' || zero) zero = true;
            continue;
          }
          if (zero && out !== '') out += '零';
          else if (zero && leadingZero) out += '零';
          zero = false;
          out += D[d]! + u;
        }
        return out;
      };
      const hi = Math.floor(n / 10000);
      const lo = n % 10000;
      let s = hi > 0 ? below10k(hi, false) + '万' : '';
      if (lo > 0) s += below10k(lo, hi > 0 && lo < 1000);
      return s.startsWith('一十') ? s.slice(1) : s;
    };
    expect(toChinese(15)).toBe('十五');
    expect(toChinese(10500)).toBe('一万零五百');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
        const zh = toChinese(n);
        expect(values(`${zh}元`)).toEqual([String(n)]);
        expect(values(`${n}元`)).toEqual([String(n)]);
      }),
      { numRuns: 2000 },
    );
  });

  it('tokens are in order, disjoint and inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('一', '两', '十', '百', '万', '天', '点', '到', '-', '3', '.', '5', '周', '今天', '下午', '[数字x]', '#e-s', '好', ' '), { maxLength: 20 }), (parts) => {
        const s = parts.join('');
        const t = numericTokens(s);
        let last = 0;
        for (const x of t) {
          expect(x.start).toBeGreaterThanOrEqual(last);
          expect(x.end).toBeGreaterThan(x.start);
          expect(x.end).toBeLessThanOrEqual(s.length);
          last = x.end;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
