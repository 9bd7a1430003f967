// Message text: tokens for links and what3words addresses, so clients never render HTML.
export { type MessageToken, tokenizeMessage } from './tokens.js';
