// A link to the batch review page (/batch-review.html) next to Tasklist's name in its header, so that a reviewer
// finds the month's waiting reports in one table; the header is drawn by Tasklist after this script loads.
const addLink = () => {
  const brand = document.querySelector('.navbar-brand');
  if (!brand || document.getElementById('skills-batch-review')) {
    return Boolean(brand);
  }
  const link = document.createElement('a');
  link.id = 'skills-batch-review';
  link.className = 'navbar-brand';
  link.href = '/batch-review.html';
  link.textContent = '批量审核';
  link.title = '等待我审核的全部月报：核对标记，勾选无标记的一次通过';
  brand.after(link);
  return true;
};

new MutationObserver(addLink).observe(document.documentElement, { childList: true, subtree: true });
addLink();

export default [];
