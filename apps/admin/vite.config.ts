import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  plugins: [react()],
  server: { proxy: { "/trpc": "http://127.0.0.1:3000" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: "antd", test: /node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component)[\\/]/ },
            { name: "query", test: /node_modules[\\/](@tanstack|@trpc)[\\/]/ },
            { name: "excel", test: /node_modules[\\/](write-excel-file|read-excel-file|fflate|@xmldom|unzipper)[\\/]/ },
          ],
        },
      },
    },
  },
});
