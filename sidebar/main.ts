const statusLine = document.getElementById('status');
if (statusLine) statusLine.textContent = 'Ready.';
export {};
