import './base.css';
import './folder.css';
