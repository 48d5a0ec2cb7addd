/** `@slidemark/core/messages`: the one message formatter, without loading the compiler. */
export {
  type FormatMessageOptions,
  formatFile,
  formatMessage,
  formatPlace,
  useColor,
} from './lib/format-message.js'
