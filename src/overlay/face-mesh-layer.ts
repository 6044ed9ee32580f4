import {
  BufferAttribute,
  BufferGeometry,
  DoubleSide,
  Mesh,
  MeshStandardMaterial,
  type Object3D,
} from 'three';
import type { FrameSize, Point3, TrackedFrame } from '../core/frame';
import { projectLandmark, type ViewMapping, type ViewPoint } from './projection';

/** Landmarks of the face mesh proper (the iris points that follow have no triangles). */
const MESH_LANDMARKS = 468;

/**
 * A neutral face drawn from the tracked landmarks with the face model's own triangles: a matte,
 * evenly lit surface that moves with the person, for the demo and for people who would rather
 * not watch their own face. It never hides the arrows: drawn first, without writing depth.
 */
export class FaceMeshLayer {
  readonly object: Mesh;
  private readonly positions = new Float32Array(MESH_LANDMARKS * 3);
  private readonly geometry = new BufferGeometry();
  private readonly material = new MeshStandardMaterial({
    color: 0xb8c4d0,
    roughness: 0.9,
    metalness: 0,
    flatShading: true,
    side: DoubleSide,
    depthWrite: false,
  });
  private readonly projected: ViewPoint = { x: 0, y: 0, z: 0 };

  /** @param triangles indices of face landmarks, three per triangle (see scripts/face-mesh.mjs) */
  constructor(triangles: readonly number[]) {
    if (triangles.some((i) => i < 0 || i >= MESH_LANDMARKS))
      throw new RangeError('face mesh triangles must index the 468 mesh landmarks');
    this.geometry.setAttribute('position', new BufferAttribute(this.positions, 3));
    this.geometry.setIndex(triangles as number[]);
    this.object = new Mesh(this.geometry, this.material);
    this.object.frustumCulled = false;
    this.object.renderOrder = -1;
    this.object.visible = false;
  }

  /** Lays the mesh on the frame's face (view space, world y up); hidden without a face. */
  update(frame: TrackedFrame, size: FrameSize, mapping: ViewMapping): void {
    const face = frame.face?.landmarks;
    if (!face || face.length < MESH_LANDMARKS) {
      this.object.visible = false;
      return;
    }
    for (let i = 0; i < MESH_LANDMARKS; i++) {
      projectLandmark(face[i] as Point3, size.height, mapping, this.projected);
      this.positions[i * 3] = this.projected.x;
      this.positions[i * 3 + 1] = -this.projected.y;
      this.positions[i * 3 + 2] = this.projected.z;
    }
    (this.geometry.getAttribute('position') as BufferAttribute).needsUpdate = true;
    this.geometry.computeVertexNormals();
    this.object.visible = true;
  }

  hide(): void {
    this.object.visible = false;
  }

  addTo(scene: { add(object: Object3D): void }): void {
    scene.add(this.object);
  }

  dispose(): void {
    this.object.removeFromParent();
    this.geometry.dispose();
    this.material.dispose();
  }
}

let triangles: Promise<number[] | null> | null = null;

/**
 * The face mesh's triangles, fetched once from the app's models (written by `npm run models`);
 * null where they cannot be had, and the face is then drawn as dots.
 */
export function loadFaceMeshTriangles(
  url = `${import.meta.env.BASE_URL}models/face-mesh.json`,
): Promise<number[] | null> {
  triangles ??= fetch(url)
    .then((response) => (response.ok ? response.json() : null))
    .then((data: unknown) => {
      const list = (data as { triangles?: unknown } | null)?.triangles;
      return Array.isArray(list) && list.every((i) => Number.isInteger(i))
        ? (list as number[])
        : null;
    })
    .catch(() => null);
  return triangles;
}
