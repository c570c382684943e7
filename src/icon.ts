import { LabIcon } from '@jupyterlab/ui-components';

import metadataSvg from '../style/icons/metadata.svg';

/**
 * The panel's icon: a tag over a page.
 */
export const metadataIcon = new LabIcon({
  name: 'jupyterlab-notebook-metadata:metadata',
  svgstr: metadataSvg
});
