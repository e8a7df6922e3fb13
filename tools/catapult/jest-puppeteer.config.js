// CATAPULT's lts/jest-puppeteer.config.js for this machine: Debian's chromium, no download.
module.exports = {
  launch: {
    headless: process.env.HEADLESS !== "false",
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};
