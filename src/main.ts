import './ui/massage-app';

// NOTE: set through the CSSOM because the Content-Security-Policy allows no inline style attributes.
document.body.style.margin = '0';
document.body.style.background = '#0b1017';
