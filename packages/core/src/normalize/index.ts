export { isHan, isHanAt } from './cjk.js';
export { normalizeText, toOriginalRange, type NormalizedText } from './normalize-text.js';
export { comparisonOf, comparisonText, isSymbolOnly, codePointLength, type ComparisonText } from './comparison-text.js';
export { emoticonCodeEnd, keycapEnd, numberPlaceholderEnd, MEDIA_PLACEHOLDERS } from './emoticon.js';
export { similarity, textSimilarity, bigramProfile, diceOfProfiles, similarityToProfile, type BigramProfile } from './similarity.js';
export { numericTokens, chineseNumeralValue, type NumericToken } from './numeric-tokens.js';
export { readChineseDigits } from './chinese-digits.js';
export { t2s } from './traditional-to-simplified.js';
