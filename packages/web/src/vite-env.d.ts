// Types of what Vite adds to the web client's modules.
/// <reference types="vite/client" />
