export {
  parseTimestamp,
  createTimestampParser,
  zonedParts,
  zonedToEpoch,
  zoneOffsetMinutes,
  isValidTimeZone,
  canonicalTimeZone,
  TIMESTAMP_PATTERN,
} from './zone.js';
export type { ZonedParts, LocalDateTime } from './zone.js';
