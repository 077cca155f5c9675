/** PDF.js's parsing worker as a module of the build: bundled to a .js file any static server types correctly. */
import 'pdfjs-dist/build/pdf.worker.min.mjs';
