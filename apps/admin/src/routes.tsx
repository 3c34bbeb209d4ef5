import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { createBrowserRouter } from "react-router";
import { Spin } from "antd";
import { RequireAuth } from "./layout/RequireAuth.tsx";

function page(load: () => Promise<{ default: ComponentType }>) {
  const C: LazyExoticComponent<ComponentType> = lazy(load);
  return (
    <Suspense fallback={<Spin style={{ display: "block", margin: "80px auto" }} />}>
      <C />
    </Suspense>
  );
}

/** Staff screens live under the layout (login required); public screens stand alone. */
export const router = createBrowserRouter([
  { path: "/login", element: page(() => import("./pages/LoginPage.tsx")) },
  { path: "/board", element: page(() => import("./public/BoardPage.tsx")) },
  { path: "/jobs", element: page(() => import("./public/JobsPage.tsx")) },
  { path: "/register", element: page(() => import("./public/PreRegisterPage.tsx")) },
  {
    path: "/",
    element: <RequireAuth />,
    children: [
      { index: true, element: page(() => import("./pages/HomePage.tsx")) },
      { path: "workers", element: page(() => import("./pages/workers/WorkerListPage.tsx")) },
      { path: "workers/new", element: page(() => import("./pages/workers/RegisterWorkerPage.tsx")) },
      { path: "workers/pending", element: page(() => import("./pages/workers/PendingPage.tsx")) },
      { path: "workers/import", element: page(() => import("./pages/workers/ImportPage.tsx")) },
      { path: "workers/:id", element: page(() => import("./pages/workers/WorkerArchivePage.tsx")) },
      { path: "employers", element: page(() => import("./pages/employers/EmployerListPage.tsx")) },
      { path: "employers/:id", element: page(() => import("./pages/employers/EmployerPage.tsx")) },
      { path: "orders", element: page(() => import("./pages/orders/OrderListPage.tsx")) },
      { path: "orders/new", element: page(() => import("./pages/orders/NewOrderPage.tsx")) },
      { path: "orders/:id", element: page(() => import("./pages/orders/OrderPage.tsx")) },
      { path: "today", element: page(() => import("./pages/TodayPage.tsx")) },
      { path: "followups", element: page(() => import("./pages/FollowupsPage.tsx")) },
      { path: "grades", element: page(() => import("./pages/GradesPage.tsx")) },
      // ---- hall, rights and office screens
      { path: "tools", element: page(() => import("./pages/tools/ToolsPage.tsx")) },
      { path: "costs", element: page(() => import("./pages/costs/CostsPage.tsx")) },
      { path: "sanctions", element: page(() => import("./pages/sanctions/SanctionsPage.tsx")) },
      { path: "complaints", element: page(() => import("./pages/complaints/ComplaintsPage.tsx")) },
      { path: "books", element: page(() => import("./pages/hall/BooksPage.tsx")) },
      { path: "services", element: page(() => import("./pages/hall/ServicesPage.tsx")) },
      // ---- end hall, rights and office screens
      // ---- training, publicity and administration screens
      { path: "training", element: page(() => import("./pages/training/TrainingPage.tsx")) },
      { path: "publicity", element: page(() => import("./pages/publicity/PublicityPage.tsx")) },
      { path: "admin/staff", element: page(() => import("./pages/admin/StaffPage.tsx")) },
      { path: "admin/audit", element: page(() => import("./pages/admin/AuditPage.tsx")) },
      { path: "admin/policies", element: page(() => import("./pages/admin/PoliciesPage.tsx")) },
      { path: "admin/rooms", element: page(() => import("./pages/admin/RoomsPage.tsx")) },
      // ---- end training, publicity and administration screens
      { path: "*", element: page(() => import("./pages/NotFoundPage.tsx")) },
    ],
  },
]);
