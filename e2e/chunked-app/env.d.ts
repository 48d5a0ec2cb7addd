/// <reference types="@slidemark/vite-plugin/client" />
// `chunked-deck.slides.md` (aliased to the deck chunked.spec.ts writes) matches `*.slides.md`.
