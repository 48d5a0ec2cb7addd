/// <reference types="@slidemark/vite-plugin/client" />
