// The sanitiser lives in util/ so that content/ can make a prompt pack inert at load without importing ui/.
export { controlCharacter, jsonText, safeStrings, safeText } from '../util/safe-text.js';
