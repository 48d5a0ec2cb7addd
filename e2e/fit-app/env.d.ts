/// <reference types="@slidemark/vite-plugin/client" />
declare module '*.css?inline' {
  const css: string
  export default css
}
